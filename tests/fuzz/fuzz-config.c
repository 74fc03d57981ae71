/* fuzz-config.c — libFuzzer target: configuration values.  The first
 * byte chooses the key, the rest is its value. */
#include <stdint.h>
#include <stdlib.h>

#include "nmf/config.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    static const char *const keys[] = {
	"thank_you_after_hours", "thank_you_late_hours",
	"checkin_business_days", "decision_buffer_business_days",
	"final_business_days", "call_business_days", "closing_business_days",
	"keep_in_touch_days", "lock_timeout", "weekend_days", "imap_url",
	"imap_user", "imap_password_command", "imap_password", "imap_push",
	"holidays", "drafts_folder", "tag_interview", "tag_prefix",
	"no_such_key", NULL,
    };
    struct nmf_config cfg;
    char *value, *why = NULL;
    size_t nkeys = 0;

    while (keys[nkeys])
	nkeys++;
    if (size < 1)
	return 0;
    value = g_strndup ((const char *) data + 1, size - 1);
    nmf_config_init (&cfg);
    nmf_config_set (&cfg, keys[data[0] % nkeys], value, &why);
    g_free (why);
    nmf_config_add_user_email (&cfg, value);
    nmf_config_release (&cfg);
    g_free (value);
    return 0;
}
