/* config.c — defaults and parsing of followup.* values (see
 * nmf/config.h).  Pure: the adapter hands us key/value strings. */
#include <string.h>

#include "nmf/config.h"
#include "nmf/holidays.h"
#include "nmf/weights.h"

const struct nmf_setting nmf_settings[] = {
    { "act_confidence", "",
      "the probability from which a message counts as an invitation, "
      "rejection or offer (0.5 to 1)",
      "Unset, the one make train chose with the weights: the lowest at "
      "which held-out real mail gave at most 1% of other messages such a "
      "kind. Raise it for fewer false processes, lower it to miss fewer "
      "interviews." },
    { "thank_you_after_hours", "0",
      "hours after an interview's end at which the thank-you falls due",
      NULL },
    { "thank_you_late_hours", "24",
      "hours after the end after which a thank-you is overdue", NULL },
    { "thankyou_lapse_days", "5",
      "business days after which a thank-you not sent lapses (0 never)",
      "Then there is no draft any more, and the process goes on to its "
      "check-in." },
    { "import_horizon_days", "60",
      "a process older than this many days when first seen starts closed "
      "(0 never)",
      "For the first scan of an old archive; it stays closed until new "
      "mail comes." },
    { "reply_overdue_days", "1",
      "business days after which an unanswered question of the employer's "
      "is overdue", NULL },
    { "checkin_business_days", "7",
      "business days after the last interview before a check-in", NULL },
    { "decision_buffer_business_days", "2",
      "business days of patience after a stated decision date", NULL },
    { "final_business_days", "10",
      "business days after the check-in before the final follow-up", NULL },
    { "call_business_days", "5",
      "business days a call is suggested after the final follow-up", NULL },
    { "closing_business_days", "10",
      "quiet business days after which a process closes",
      "Counted after the final follow-up (without a phone number) or after "
      "an unanswered rejection." },
    { "keep_in_touch_days", "0",
      "days after a process closed for a keep-in-touch draft (0 off)",
      "To the people you named with note --keep-in-touch, and again every "
      "as many days." },
    { "weekend_days", "sat;sun", "days that are no business days", NULL },
    { "holidays_country", "",
      "whose public holidays are no business days: us, gb, ca, de, fr, au "
      "or none",
      "Unset, the territory of the locale (LC_ALL, LC_TIME or LANG: en_US is "
      "us, en_GB gb, de_DE de) when it is one of these, else none. us: the "
      "federal holidays; gb: the bank holidays of England and Wales; ca: "
      "the federal statutory days most provinces keep too; de, fr, au: the "
      "national "
      "ones. A holiday on a weekend moves as the country moves it. The locale "
      "is the program's: the post-new hook's may differ from your shell's, "
      "so set it to be sure." },
    { "holidays", "", "more days off, YYYY-MM-DD separated by ;", NULL },
    { "date_style", "",
      "how drafts write a day: us, gb or a GLib date format",
      "us is \"Thursday, November 19\", gb \"Thursday 19 November\". Unset, "
      "it follows the locale of LC_ALL, LC_TIME or LANG (day first for "
      "en_GB and the other day-first English locales)." },
    { "drafts_folder", "", "the Drafts Maildir, relative to the mail root",
      "Unset, an existing Drafts folder (Drafts, .Drafts, INBOX.Drafts, "
      "[Gmail]/Drafts, any case), else Drafts. A path that leaves the mail "
      "root is refused." },
    { "sent_folder", "",
      "where a draft's Fcc files what you send, relative to the mail root",
      "Unset, an existing Sent, .Sent, INBOX.Sent, Sent Items or "
      "[Gmail]/Sent Mail (any case), else sent, notmuch-emacs's own "
      "default." },
    { "draft_fcc", "true",
      "whether drafts carry an Fcc header (false when you never send from "
      "notmuch-emacs)", NULL },
    { "tag_interview", "interview", "the tag of every interview thread",
      NULL },
    { "tag_prefix", "followup", "the prefix of the state tags", NULL },
    { "imap_url", "", "the IMAP Drafts folder for push",
      "For example imaps://mail.example.org/Drafts. TLS certificates are "
      "always verified; plain imap:// is used as is only to a loopback "
      "host, and requires STARTTLS anywhere else." },
    { "imap_user", "", "the IMAP login (else the user of the URL)", NULL },
    { "imap_password_command", "",
      "a command printing the IMAP password (else ~/.netrc)",
      "Run without a shell, e.g. pass show mail/imap; its first line is the "
      "password. A password is never read from the config file, the "
      "command line or the environment, and never printed." },
    { "imap_push", "false", "push the drafts at the end of every scan",
      NULL },
    { "lock_timeout", "10",
      "seconds to wait for another program's write lock on the database",
      NULL },
    { NULL, NULL, NULL, NULL },
};

const struct nmf_setting *
nmf_setting_find (const char *key)
{
    const struct nmf_setting *s;

    for (s = nmf_settings; key && s->key; s++) {
	if (strcmp (s->key, key) == 0)
	    return s;
    }
    return NULL;
}

void
nmf_config_init (struct nmf_config *cfg)
{
    memset (cfg, 0, sizeof (*cfg));
    cfg->user_emails = g_ptr_array_new_with_free_func (g_free);
    g_ptr_array_add (cfg->user_emails, NULL);
    cfg->tag_interview = g_strdup ("interview");
    cfg->tag_prefix = g_strdup ("followup");
    cfg->thank_you_grace_hours = 0;
    cfg->thank_you_late_hours = 24;
    cfg->thankyou_lapse_days = 5;
    cfg->reply_overdue_days = 1;
    cfg->import_horizon_days = 60;
    cfg->checkin_business_days = 7;
    cfg->decision_buffer_days = 2;
    cfg->final_business_days = 10;
    cfg->call_business_days = 5;
    cfg->closing_business_days = 10;
    cfg->lock_timeout_ms = 10 * 1000;
    cfg->draft_fcc = TRUE;
    cfg->act_confidence = -1;
    cfg->weekend_mask = (1u << 6) | (1u << 7);
    cfg->holidays = g_array_new (FALSE, TRUE, sizeof (GDate));
}

void
nmf_config_release (struct nmf_config *cfg)
{
    g_free (cfg->user_name);
    g_free (cfg->primary_email);
    if (cfg->user_emails)
	g_ptr_array_unref (cfg->user_emails);
    g_free (cfg->drafts_folder);
    g_free (cfg->sent_folder);
    g_free (cfg->date_style);
    g_free (cfg->holidays_country);
    g_free (cfg->tag_interview);
    g_free (cfg->tag_prefix);
    g_free (cfg->imap_url);
    g_free (cfg->imap_user);
    g_free (cfg->imap_password_command);
    if (cfg->holidays)
	g_array_unref (cfg->holidays);
    memset (cfg, 0, sizeof (*cfg));
}

void
nmf_config_add_user_email (struct nmf_config *cfg, const char *addr)
{
    char *lower;

    if (! addr || ! *addr)
	return;
    lower = g_ascii_strdown (addr, -1);
    g_strstrip (lower);
    if (! *lower
	|| g_strv_contains ((const char *const *) cfg->user_emails->pdata,
			    lower)) {
	g_free (lower);
	return;
    }
    /* Keep the array NULL-terminated: replace the NULL, append a new one. */
    g_ptr_array_index (cfg->user_emails, cfg->user_emails->len - 1) = lower;
    g_ptr_array_add (cfg->user_emails, NULL);
}

const char *const *
nmf_config_user_emails (const struct nmf_config *cfg)
{
    return (const char *const *) cfg->user_emails->pdata;
}

static gboolean
parse_int (const char *value, int lo, int hi, int *out)
{
    gint64 v;
    char *end = NULL;

    if (! value || ! *value)
	return FALSE;
    v = g_ascii_strtoll (value, &end, 10);
    if (! end || *end != '\0' || v < lo || v > hi)
	return FALSE;
    *out = (int) v;
    return TRUE;
}

static int
weekday_number (const char *name)
{
    static const char *const days[] = { "mon", "tue", "wed", "thu", "fri",
					"sat", "sun" };
    g_autofree char *lower = g_ascii_strdown (name, -1);
    size_t i;

    g_strstrip (lower);
    for (i = 0; i < G_N_ELEMENTS (days); i++) {
	if (g_str_has_prefix (lower, days[i]))
	    return (int) i + 1;
    }
    return 0;
}

/* A tag name we add must not be empty, hold white space or start with
 * '-' or '+' (notmuch tag syntax). */
static gboolean
valid_tag (const char *v)
{
    const char *p;

    if (! v || ! *v || *v == '-' || *v == '+')
	return FALSE;
    for (p = v; *p; p++) {
	if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
	    return FALSE;
    }
    return TRUE;
}

/* True when a relative path has a ".." component. */
static gboolean
escapes_root (const char *path)
{
    g_auto (GStrv) parts = g_strsplit (path, "/", -1);
    int i;

    for (i = 0; parts[i]; i++) {
	if (strcmp (parts[i], "..") == 0)
	    return TRUE;
    }
    return FALSE;
}

enum nmf_status
nmf_config_set (struct nmf_config *cfg, const char *key, const char *value,
		char **why)
{
    int n;

    *why = NULL;
    if (! value)
	value = "";

#define INT_KEY(name, field, lo, hi)                                          \
    if (strcmp (key, name) == 0) {                                            \
	if (! parse_int (value, lo, hi, &n)) {                                \
	    *why = g_strdup_printf ("followup.%s must be a whole number from " \
				    "%d to %d, not '%s'",                     \
				    name, lo, hi, value);                     \
	    return NMF_ERR_CONFIG;                                            \
	}                                                                     \
	cfg->field = n;                                                       \
	return NMF_OK;                                                        \
    }

    INT_KEY ("thank_you_after_hours", thank_you_grace_hours, 0, 240)
    INT_KEY ("thank_you_late_hours", thank_you_late_hours, 1, 240)
    INT_KEY ("thankyou_lapse_days", thankyou_lapse_days, 0, 60)
    INT_KEY ("import_horizon_days", import_horizon_days, 0, 3650)
    INT_KEY ("reply_overdue_days", reply_overdue_days, 0, 30)
    INT_KEY ("checkin_business_days", checkin_business_days, 1, 60)
    INT_KEY ("decision_buffer_business_days", decision_buffer_days, 0, 30)
    INT_KEY ("final_business_days", final_business_days, 1, 60)
    INT_KEY ("call_business_days", call_business_days, 1, 60)
    INT_KEY ("closing_business_days", closing_business_days, 1, 120)
    INT_KEY ("keep_in_touch_days", keep_in_touch_days, 0, 3650)
#undef INT_KEY

    if (strcmp (key, "lock_timeout") == 0) {
	if (! parse_int (value, 0, 3600, &n)) {
	    *why = g_strdup_printf ("followup.lock_timeout must be a number of "
				    "seconds from 0 to 3600, not '%s'", value);
	    return NMF_ERR_CONFIG;
	}
	cfg->lock_timeout_ms = n * 1000;
	return NMF_OK;
    }
    if (strcmp (key, "act_confidence") == 0) {
	char *end = NULL;
	double d = g_ascii_strtod (value, &end);

	if (! *value) {
	    cfg->act_confidence = -1;
	    return NMF_OK;
	}
	if (*end || ! (d >= 0.5 && d <= 1.0)) {
	    *why = g_strdup_printf ("followup.act_confidence must be a number "
				    "from 0.5 to 1, not '%s'", value);
	    return NMF_ERR_CONFIG;
	}
	cfg->act_confidence = d;
	return NMF_OK;
    }
    if (strcmp (key, "weekend_days") == 0) {
	g_auto (GStrv) parts = g_strsplit_set (value, ";, ", -1);
	unsigned mask = 0;
	int i;

	for (i = 0; parts[i]; i++) {
	    int d;

	    if (! *parts[i])
		continue;
	    d = weekday_number (parts[i]);
	    if (! d) {
		*why = g_strdup_printf ("followup.weekend_days: '%s' is not a "
					"day of the week", parts[i]);
		return NMF_ERR_CONFIG;
	    }
	    mask |= 1u << d;
	}
	if (mask == 0xfe) {
	    *why = g_strdup ("followup.weekend_days cannot hold every day");
	    return NMF_ERR_CONFIG;
	}
	cfg->weekend_mask = mask;
	return NMF_OK;
    }
    if (strcmp (key, "imap_url") == 0 || strcmp (key, "imap_user") == 0
	|| strcmp (key, "imap_password_command") == 0) {
	char **slot = key[5] == 'u' && key[6] == 'r' ? &cfg->imap_url
		      : key[5] == 'u'                ? &cfg->imap_user
						     : &cfg->imap_password_command;

	g_free (*slot);
	*slot = *value ? g_strdup (value) : NULL;
	return NMF_OK;
    }
    if (strcmp (key, "imap_password") == 0) {
	/* DESIGN §7: never a password in the config file. */
	*why = g_strdup ("followup.imap_password is not read: give "
			 "followup.imap_password_command (e.g. 'pass show "
			 "mail') or use ~/.netrc");
	return NMF_ERR_CONFIG;
    }
    if (strcmp (key, "imap_push") == 0 || strcmp (key, "draft_fcc") == 0) {
	gboolean *field = key[0] == 'i' ? &cfg->imap_push : &cfg->draft_fcc;

	if (g_ascii_strcasecmp (value, "true") == 0
	    || g_ascii_strcasecmp (value, "yes") == 0 || strcmp (value, "1") == 0)
	    *field = TRUE;
	else if (g_ascii_strcasecmp (value, "false") == 0
		 || g_ascii_strcasecmp (value, "no") == 0
		 || strcmp (value, "0") == 0 || ! *value)
	    *field = FALSE;
	else {
	    *why = g_strdup_printf ("followup.%s must be true or false, "
				    "not '%s'", key, value);
	    return NMF_ERR_CONFIG;
	}
	return NMF_OK;
    }
    if (strcmp (key, "holidays") == 0) {
	g_auto (GStrv) parts = g_strsplit_set (value, ";, ", -1);
	int i;

	g_array_set_size (cfg->holidays, 0);
	for (i = 0; parts[i]; i++) {
	    GDate d;
	    int y = 0, m = 0, dd = 0;
	    const char *p = parts[i];

	    if (! *p)
		continue;
	    if (strlen (p) == 10 && p[4] == '-' && p[7] == '-') {
		y = (int) g_ascii_strtoll (p, NULL, 10);
		m = (int) g_ascii_strtoll (p + 5, NULL, 10);
		dd = (int) g_ascii_strtoll (p + 8, NULL, 10);
	    }
	    if (! g_date_valid_dmy ((GDateDay) dd, (GDateMonth) m,
				    (GDateYear) y)) {
		*why = g_strdup_printf ("followup.holidays: '%s' is not a "
					"date (YYYY-MM-DD)", parts[i]);
		return NMF_ERR_CONFIG;
	    }
	    g_date_clear (&d, 1);
	    g_date_set_dmy (&d, (GDateDay) dd, (GDateMonth) m, (GDateYear) y);
	    g_array_append_val (cfg->holidays, d);
	}
	return NMF_OK;
    }
    if (strcmp (key, "holidays_country") == 0) {
	if (*value && g_ascii_strcasecmp (value, "none") != 0
	    && ! nmf_holidays_known (value)) {
	    *why = g_strdup_printf ("followup.holidays_country must be us, gb, "
				    "ca, de, fr, au or none, not '%s'", value);
	    return NMF_ERR_CONFIG;
	}
	g_free (cfg->holidays_country);
	cfg->holidays_country = *value ? g_ascii_strdown (value, -1) : NULL;
	return NMF_OK;
    }
    if (strcmp (key, "date_style") == 0) {
	if (*value && g_ascii_strcasecmp (value, "us") != 0
	    && g_ascii_strcasecmp (value, "gb") != 0
	    && g_ascii_strcasecmp (value, "uk") != 0 && ! strchr (value, '%')) {
	    *why = g_strdup_printf ("followup.date_style must be us, gb or a "
				    "date format such as '%%A %%-d %%B', not "
				    "'%s'", value);
	    return NMF_ERR_CONFIG;
	}
	g_free (cfg->date_style);
	cfg->date_style = *value ? g_strdup (value) : NULL;
	return NMF_OK;
    }
    if (strcmp (key, "drafts_folder") == 0
	|| strcmp (key, "sent_folder") == 0) {
	char **field = key[0] == 'd' ? &cfg->drafts_folder : &cfg->sent_folder;

	/* DESIGN §8: nothing may escape the mail root. */
	if (*value == '/' || escapes_root (value)) {
	    *why = g_strdup_printf ("followup.%s must be a folder inside the "
				    "mail root, not '%s'", key, value);
	    return NMF_ERR_CONFIG;
	}
	g_free (*field);
	*field = *value ? g_strdup (value) : NULL;
	return NMF_OK;
    }
    if (strcmp (key, "tag_interview") == 0
	|| strcmp (key, "tag_prefix") == 0) {
	if (! valid_tag (value)) {
	    *why = g_strdup_printf ("followup.%s: '%s' is not a usable tag "
				    "name", key, value);
	    return NMF_ERR_CONFIG;
	}
	if (key[4] == 'i') {
	    g_free (cfg->tag_interview);
	    cfg->tag_interview = g_strdup (value);
	} else {
	    g_free (cfg->tag_prefix);
	    cfg->tag_prefix = g_strdup (value);
	}
	return NMF_OK;
    }
    return NMF_OK;
}

double
nmf_config_act_confidence (const struct nmf_config *cfg)
{
    return cfg->act_confidence >= 0 ? cfg->act_confidence
				    : nmf_weights_fitted.act;
}
