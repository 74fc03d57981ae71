/* hold-lock — open the notmuch database read-write (taking Xapian's write
 * lock), print "locked" on stdout, and hold it for the given number of
 * seconds or until stdin closes.  A test tool: lets the end-to-end tests
 * check what scan does while another process holds the lock. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <notmuch.h>

int
main (int argc, char **argv)
{
    notmuch_database_t *db = NULL;
    char *err = NULL;
    int seconds = argc > 1 ? atoi (argv[1]) : 10;

    if (notmuch_database_open_with_config (NULL,
					   NOTMUCH_DATABASE_MODE_READ_WRITE,
					   NULL, NULL, &db, &err)) {
	fprintf (stderr, "hold-lock: %s\n", err ? err : "cannot open");
	return 2;
    }
    printf ("locked\n");
    fflush (stdout);
    sleep ((unsigned) seconds);
    notmuch_database_destroy (db);
    return 0;
}
