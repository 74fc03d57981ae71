/* config.h — the program's settings as a plain struct.
 *
 * Values come from the notmuch config file's [followup] section (and the
 * [user] section), read by the nmdb adapter; every field has a default so
 * that no configuration is needed to start (DESIGN §7).  The pure core
 * receives this struct; it never reads a file itself.
 */
#ifndef NMF_CONFIG_H
#define NMF_CONFIG_H

#include <glib.h>

#include "nmf/status.h"

struct nmf_config {
    /* [user] */
    char *user_name;        /* user.name, may be NULL */
    char *primary_email;    /* user.primary_email, may be NULL */
    GPtrArray *user_emails; /* primary first, then user.other_email;
                             * lowercased; NULL-terminated for
                             * nmf_address_in() */
    /* [followup] */
    char *drafts_folder;    /* followup.drafts_folder, relative to the
                             * mail root; NULL = look for one */
    char *date_style;       /* followup.date_style: "us", "gb" or a GLib
                             * date format; NULL = from the locale */
    char *sent_folder;      /* followup.sent_folder, relative to the mail
                             * root: where a draft's Fcc files the sent
                             * copy; NULL = look for one */
    char *tag_interview;    /* followup.tag_interview (default interview) */
    char *tag_prefix;       /* followup.tag_prefix (default followup) */
    int thank_you_grace_hours;   /* followup.thank_you_after_hours: how long
                                  * after an interview's end the thank-you
                                  * falls due (default 0) */
    int thank_you_late_hours;    /* followup.thank_you_late_hours (24) */
    int import_horizon_days;     /* followup.import_horizon_days (60): a
                                  * process first seen with nothing newer
                                  * than this many days starts closed (0 =
                                  * never) */
    int thankyou_lapse_days;     /* followup.thankyou_lapse_days (5): a
                                  * thank-you not sent this many business
                                  * days after the interview lapses (0 =
                                  * never) */
    int reply_overdue_days;      /* followup.reply_overdue_days (1): an
                                  * employer's question unanswered this
                                  * many business days is overdue */
    int checkin_business_days;   /* followup.checkin_business_days (7) */
    int decision_buffer_days;    /* followup.decision_buffer_business_days
                                  * (2) */
    int final_business_days;     /* followup.final_business_days (10) */
    int call_business_days;      /* followup.call_business_days (5): how
                                  * long a call is suggested after the
                                  * final follow-up */
    int closing_business_days;   /* followup.closing_business_days (10):
                                  * silence after the final follow-up (no
                                  * phone) or after a rejection before the
                                  * process is closed */
    int keep_in_touch_days;      /* followup.keep_in_touch_days (0 = off):
                                  * a light note this many days after a
                                  * process closed, and again every as
                                  * many days */
    char *imap_url;              /* followup.imap_url, NULL = no push */
    char *imap_user;             /* followup.imap_user (else the URL's) */
    char *imap_password_command; /* followup.imap_password_command */
    gboolean imap_push;          /* followup.imap_push: scan pushes */
    gboolean draft_fcc;          /* followup.draft_fcc (true): drafts carry
                                  * an Fcc to sent_folder */
    double act_confidence;       /* followup.act_confidence: the confidence
                                  * from which a kind counts; -1 = the one
                                  * make train chose (nmf/weights.h) */
    int lock_timeout_ms;         /* followup.lock_timeout (seconds, 10) */
    unsigned weekend_mask;       /* bit d set = day d (1=Mon..7=Sun) off;
                                  * followup.weekend_days (sat;sun) */
    char *holidays_country;      /* followup.holidays_country: a code of
                                  * nmf/holidays.h, "none", or NULL
                                  * (unset: the reader takes the locale's
                                  * territory) */
    GArray *holidays;            /* of GDate: followup.holidays
                                  * (YYYY-MM-DD;...), never NULL */
};

/* Fill cfg with the defaults.  Release with nmf_config_release(). */
void
nmf_config_init (struct nmf_config *cfg);

/* Release what cfg owns and reset it to the defaults' empty state. */
void
nmf_config_release (struct nmf_config *cfg);

/* The notmuch config section of the program's settings, with its dot. */
#define NMF_CONFIG_SECTION "followup."

/* One followup.* setting, as `config` and the man page show it: the one
 * table of what the settings are (nmf_config_set parses them). */
struct nmf_setting {
    const char *key;      /* after "followup." */
    const char *deflt;    /* the default as the user would write it; ""
			   * for unset */
    const char *meaning;  /* one line */
    const char *more;     /* more for the man page, or NULL */
};

/* Ends with a row whose key is NULL. */
extern const struct nmf_setting nmf_settings[];

/* The row of key (after "followup."), or NULL for no setting. */
const struct nmf_setting *
nmf_setting_find (const char *key);

/* Set one followup.* key (the part after "followup.") from its string
 * value.  Unknown keys are ignored (NMF_OK) so that newer configs work
 * with older programs.  Returns NMF_ERR_CONFIG for a bad value and puts
 * a one-line reason in *why (g_free). */
enum nmf_status
nmf_config_set (struct nmf_config *cfg, const char *key, const char *value,
		char **why);

/* The confidence from which scan acts on a kind (starts a process,
 * counts a message as a step): followup.act_confidence, else the one
 * `make train` chose with the weights. */
double
nmf_config_act_confidence (const struct nmf_config *cfg);

/* Add one of the user's addresses (lowercased; duplicates ignored). */
void
nmf_config_add_user_email (struct nmf_config *cfg, const char *addr);

/* The user's addresses as a NULL-terminated array (borrowed). */
const char *const *
nmf_config_user_emails (const struct nmf_config *cfg);

#endif
