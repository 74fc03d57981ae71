/* mime-setup.h — cmocka group setup and teardown for unit tests that
 * parse mail with GMime (nmf_mime_init / nmf_mime_shutdown). */
#ifndef NMF_TEST_MIME_SETUP_H
#define NMF_TEST_MIME_SETUP_H

#include "nmf/mime.h"

static int
mime_setup (void **state)
{
    (void) state;
    nmf_mime_init ();
    return 0;
}

static int
mime_teardown (void **state)
{
    (void) state;
    nmf_mime_shutdown ();
    return 0;
}

#endif
