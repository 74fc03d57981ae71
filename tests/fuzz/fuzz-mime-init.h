/* fuzz-mime-init.h — the libFuzzer initialiser of the targets that need
 * GMime (included once per target). */
#ifndef NMF_FUZZ_MIME_INIT_H
#define NMF_FUZZ_MIME_INIT_H

#include "nmf/mime.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
    (void) argc;
    (void) argv;
    nmf_mime_init ();
    return 0;
}

#endif
