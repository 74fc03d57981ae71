/* replay.c — run a fuzz target's LLVMFuzzerTestOneInput on files, without
 * libFuzzer: the regression inputs in tests/fuzz/regress/ (and the seeds)
 * go through every target in make check and make check-asan.  Usage:
 * replay-TARGET FILE... ; prints "replay: N inputs". */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv) __attribute__ ((weak));
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
main (int argc, char **argv)
{
    int i, n = 0;

    if (LLVMFuzzerInitialize)
	LLVMFuzzerInitialize (&argc, &argv);
    for (i = 1; i < argc; i++) {
	gchar *data = NULL;
	gsize len = 0;
	GError *err = NULL;

	if (! g_file_get_contents (argv[i], &data, &len, &err)) {
	    fprintf (stderr, "replay: %s\n", err->message);
	    g_error_free (err);
	    return 2;
	}
	LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
	g_free (data);
	n++;
    }
    printf ("replay: %d inputs\n", n);
    return 0;
}
