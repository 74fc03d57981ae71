/* fuzz-message.c — libFuzzer target: raw bytes as a mail file through
 * the whole of message understanding: GMime parsing and normalisation
 * (HTML to text, calendar parts), classification and extraction. */
#include <stdint.h>
#include <stdlib.h>

#include "nmf/classify.h"
#include "nmf/extract.h"
#include "nmf/mime.h"

#include "fuzz-mime-init.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    static const char *const users[] = { "alex.morgan@example.net", NULL };
    struct nmf_message *msg = NULL;
    char *why = NULL;

    if (nmf_mime_parse_bytes ((const char *) data, size, "fuzz", &msg, &why)
	== NMF_OK) {
	struct nmf_classification c;
	struct nmf_extract x;

	nmf_classify_message (msg, users, &c);
	nmf_extract_message (msg, users, &x);
	nmf_extract_release (&x);
	nmf_classification_release (&c);
	nmf_message_free (&msg);
    }
    g_free (why);
    return 0;
}
