/* request.c — does a message ask the user for something? (see
 * nmf/request.h; doc/design.md, "The employer is waiting").
 *
 * The new text is cut into sentences.  Polite closers and conditional
 * offers ("let me know if you have any questions", "if you need to
 * reschedule, just reply") are taken out of each sentence first; what is
 * left asks the reader when it is a question put to them ("Would Tuesday
 * at 2 work?", "Are you still interested?") or a request in so many
 * words ("please send", "let me know your availability", "could you
 * share two references", "use this link to pick a time").
 */
#include <string.h>

#include "nmf/classify.h"
#include "nmf/dates.h"
#include "nmf/request.h"
#include "nmf/text.h"

#define WHAT_MAX 120
#define BODY_MAX (16 * 1024)

/* Clauses that ask nothing, removed before the rules look (folded,
 * lowercase, apostrophes straight). */
static const char *const closers[] = {
    /* "call me if you have any questions" */
    "(?:please )?(?:call|contact|e-?mail|ring|phone|text|write to|reach out "
    "to|get in touch with) (?:me|us)[^.?!]*? if (?:you|there)[^.?!]*",
    /* "let me know if you have any questions", and its kin */
    "(?:please |do )?(?:let|lmk) (?:me|us) know if (?:you (?:have|had|need|"
    "require|want|would like|'d like)|there (?:is|are|'s)|i can|we can|"
    "anything|something|you run into|any)[^.?!]*",
    "(?:and |or )?if (?:you )?(?:have|had|need|there (?:is|are)|there's)"
    " (?:any|anything|further|more|other|additional|a question|questions)"
    "[^.?!]*",
    "(?:please )?(?:feel free|(?:do not|don't|dont) hesitate|never hesitate)"
    "[^.?!]*",
    "should you (?:have|need|require)[^.?!]*",
    "(?:any|other|further) questions[^.?!]*",
    "(?:i|we) (?:hope|trust) (?:you|this|that|all|your)[^.?!]*",
    "hope (?:you|this|that|all|your)[^.?!]*",
    "how (?:are|have) you(?: been| doing)?",
    "how (?:is|was|'s) (?:your|the) (?:week|weekend|day|trip|holiday|"
    "holidays|vacation|summer|move)[^.?!]*",
    "(?:i|we) (?:look|am looking|are looking) forward to (?:meeting|"
    "speaking|talking|seeing|chatting|working|connecting)[^.?!]*",
    "(?:i|we) look forward to hearing from you[^.?!]*",
    /* an offer to change a fixed plan, not a question */
    "(?:and |but )?(?:if|in case|should) (?:you|anything|something|for any"
    " reason)[^.?!]*(?:reschedul|cancel|change|conflict|problem|issue|"
    "trouble|difficult|can't make|cannot make|unable|not able|delay|late|"
    "won't be able)[^.?!]*",
    "(?:please )?(?:reply|respond|write|get in touch|reach out|contact "
    "(?:me|us))[^.?!]*(?:to |if you need to |should you need to )"
    "(?:reschedule|cancel|change)[^.?!]*",
    "please (?:do not|don't) reply[^.?!]*",
    "(?:please )?(?:click|use) (?:the|this) (?:link|button)[^.?!]* to "
    "(?:join|connect|dial|enter|access|start)[^.?!]*",
    "(?:please )?join (?:the|this|our) (?:meeting|call|zoom|teams|webex)"
    "[^.?!]*",
    "(?:please )?(?:find|see) (?:attached|below|enclosed)[^.?!]*",
    "please (?:note|be advised|be aware|remember|keep in mind)[^.?!]*",
    "(?:good|best of) luck[^.?!]*",
    /* "let me know if it is not convenient": a fixed plan, an opt-out */
    "(?:please )?(?:let (?:me|us) know|tell (?:me|us)|reply|notify (?:me|us))"
    " (?:if|in case|should) [^.?!]*(?:n't|\\bnot\\b|\\bno longer\\b|"
    "inconvenient)[^.?!]*",
    "(?:if|in case) (?:you )?(?:do not|don't|didn't|did not|cannot|can't) "
    "(?:see|receive|find|get|open)[^.?!]*",
    "is there anything (?:else )?(?:i|we) can[^.?!]*\\??",
    NULL,
};

struct rule {
    const char *name;
    const char *pattern;
};

/* Requests in so many words (folded sentence, closers removed). */
static const struct rule rules[] = {
    { "please-do",
      "\\bplease,? (?:kindly |also |just |do |could you |can you )?"
      "(?:send|share|provide|forward|e-?mail|confirm|reconfirm|reply|"
      "review|make|look over|take a look|send (?:it |them |this )?back|"
      "respond|let (?:me|us) know|advise|indicate|complete|fill (?:out|in)|"
      "submit|sign|return|upload|book|schedule|select|choose|pick|get back|"
      "call me|give me a call|text me|review and|send over|suggest|propose|"
      "tell (?:me|us)|update (?:me|us)|list|include|attach|check your)\\b" },
    { "let-me-know",
      "\\b(?:let|lmk) (?:me|us) know (?:your|you(?:r)? (?:availability|"
      "thoughts)|when|what|which|if|whether|how|a |some |the best|by|asap|of|"
      "as soon as|at your)" },
    { "could-you",
      "\\b(?:can|could|would|will) you (?:please |kindly |also |possibly |"
      "be able to |let me know)?(?:send|share|provide|confirm|let|tell|give|"
      "forward|e-?mail|do|make|join|be available|come|meet|call|jump|hop|"
      "chat|talk|fill|complete|sign|reply|respond|check|look|review|update|"
      "take|suggest|propose|pick|select|choose|book|schedule|find|get|"
      "shoot|drop|touch base|connect|speak|please)\\b" },
    { "are-you",
      "\\b(?:are|were) you (?:still |now |currently |also )?(?:available|"
      "free|interested|open|able|around|comfortable|ok|okay|fine|willing|"
      "good|able)\\b[^.!]*\\?" },
    { "works-for-you",
      "\\b(?:does|would|will|could|can) (?:monday|tuesday|wednesday|"
      "thursday|friday|saturday|sunday|tomorrow|today|this|that|either|any|"
      "one|next|the|[0-9])[^.!?]* (?:work|suit|fit|be (?:ok|okay|good|fine|"
      "possible|convenient))[^.!]*\\?" },
    { "when-what",
      "\\b(?:what|which|when|how (?:about|does|would)) (?:times?|days?|"
      "dates?|slots?|one|option|works?|would|are you|is your|do you|does|"
      "suits?|about|is best|is good)\\b[^.!]*\\?" },
    { "do-you-have",
      "\\bdo you (?:have|still|want|think|prefer|know|need)\\b[^.!]*\\?" },
    { "your-answer",
      "\\b(?:what(?:'s| is| are)|send (?:me|us)|need|share|provide|have)"
      " (?:your|you're) (?:availability|available times|salary|"
      "compensation|expected|current|desired|notice|preferred|references?|"
      "resume|cv|transcripts?|portfolio|work samples?|visa|start date|"
      "earliest|decision|answer|thoughts|phone number|number|address|"
      "details|feedback|confirmation)" },
    { "send-me",
      "(?:^|[.!?] |, |\\band )(?:kindly )?(?:send|share|forward|e-?mail) "
      "(?:me|us|over|along) (?:your|a|an|the|two|three|some|any|copies|"
      "a copy)\\b" },
    { "we-need",
      "\\b(?:i|we) (?:will )?(?:need|require) (?:your|you to|the following|"
      "a copy|copies|two|three|some|a few|a signed|an updated)\\b" },
    { "like-a-time",
      "\\b(?:i|we)(?:'d| would) (?:like|love) to (?:get|set up|find|"
      "schedule|arrange|book|line up|grab) (?:a |some )?(?:time|call|"
      "chat|meeting|interview|conversation)\\b[^.]*" },
    { "scheduling-link",
      "\\b(?:use|via|through|with|from|at) (?:this|the|the following|my|"
      "our|below)(?: \\w+){0,3} (?:link|calendar|calendly)\\b[^.?!]* "
      "(?:schedule|book|select|choose|pick|grab|find|sign up for|reserve)"
      "\\b" },
    { "pick-a-slot",
      "\\b(?:schedule|book|select|choose|pick|grab|reserve) (?:a|your|an|"
      "one of the|the|a convenient|a suitable) (?:time|slot|times|slots|"
      "interview time|date)\\b" },
    { "awaiting",
      "\\b(?:awaiting|waiting for|looking forward to (?:receiving|getting"
      "|hearing)|look forward to (?:receiving|getting|hearing)) your "
      "(?:reply|response|answer|availability|confirmation|decision|"
      "references|documents|feedback|thoughts)\\b" },
    { "earliest-convenience", "\\bat your earliest convenience\\b" },
    { "see-if",
      "\\b(?:wanted|want|writing|write|wanted to reach out|like) to "
      "(?:see|check|ask|find out|know|confirm) (?:if|whether|when|what|"
      "how|which)\\b" },
    { "use-to-pick",
      "\\b(?:use|click) (?:this|it|the link|the button|the calendar)\\b"
      "[^.?!]* to (?:find|book|pick|select|choose|schedule|grab|reserve) "
      "(?:a |your |an )?(?:time|slot|date|interview)" },
    { "imperative",
      "(?:^|: |, )(?:kindly )?(?:provide|send|share|reply|respond|submit|"
      "complete|fill out|select|choose|pick|confirm|indicate|list) "
      "(?:me |us )?(?:with )?(?:your|a|an|the|two|three|four|five|some|any|"
      "[0-9])\\b" },
    { "direct-question",
      "^\\s*(?:and |so |also |but )?(?:is|are|was|were|do|does|did|have|has|"
      "can|could|would|will|should)\\b[^.!:;]*\\?" },
    { "reply-with",
      "\\b(?:reply|respond|get back to (?:me|us)) (?:to this (?:e-?mail|"
      "message|note) )?(?:with|by|asap|as soon as|and let)\\b" },
    { NULL, NULL },
};

/* A question put to the reader: it ends with '?' and speaks to them. */
static const char question_to_you[]
    = "\\b(?:you|your|yours|you're|you've|you'd|you'll)\\b[^.!:;]*\\?";

/* Questions that ask nothing of the reader's job search. */
static const char rhetorical[]
    = "\\b(?:did you know|ever wonder|ready to|want to (?:learn|know more"
      " about our)|looking for (?:a|your next)|why not|who doesn't|"
      "isn't it|right\\?|you know\\?)";

static char *
straight_quotes (const char *s)
{
    GString *o = g_string_new (NULL);
    const char *p;

    for (p = s; *p; p++) {
	/* U+2018, U+2019: ' */
	if ((guchar) p[0] == 0xe2 && (guchar) p[1] == 0x80
	    && ((guchar) p[2] == 0x98 || (guchar) p[2] == 0x99)) {
	    g_string_append_c (o, '\'');
	    p += 2;
	} else {
	    g_string_append_c (o, *p);
	}
    }
    return g_string_free (o, FALSE);
}

/* s with every closer clause removed (g_free). */
static char *
without_closers (const char *s)
{
    char *cur = g_strdup (s);
    int i;

    for (i = 0; closers[i]; i++) {
	g_autoptr (GRegex) re = nmf_regex_new (closers[i], 0, 0, NULL);
	char *next;

	if (! re)
	    continue;
	next = g_regex_replace_literal (re, cur, -1, 0, " ", 0, NULL);
	if (next) {
	    g_free (cur);
	    cur = next;
	}
    }
    return cur;
}

/* A sentence longer than this is a signature block or a pasted list
 * run together, not prose that asks. */
#define SENTENCE_MAX 300

const char *
nmf_request_sentence (const char *sentence)
{
    g_autofree char *q = straight_quotes (sentence ? sentence : "");
    g_autofree char *f = nmf_text_fold (q);
    g_autofree char *bare = NULL;
    g_autofree char *s = NULL;
    int i;

    /* A run of text far longer than a sentence is none; the patterns
     * below stay linear on the rest. */
    if (strlen (f) > 8 * SENTENCE_MAX)
	return NULL;
    /* Links and addresses are no words ("?" in a link is no question);
     * an address is looked for only where a word starts. */
    {
	g_autoptr (GRegex) re = nmf_regex_new (
	    "(?:https?://|www\\.)\\S+|(?<!\\S)[^\\s@]+@\\S+", 0, 0, NULL);

	bare = re ? g_regex_replace_literal (re, f, -1, 0, "LINK", 0, NULL)
		  : NULL;
    }
    if (! bare)
	bare = g_strdup (f);
    if (strlen (bare) > SENTENCE_MAX)
	return NULL;
    s = without_closers (bare);

    if (nmf_regex_match_jit (rhetorical, s, NULL))
	return NULL;
    for (i = 0; rules[i].name; i++) {
	if (nmf_regex_match_jit (rules[i].pattern, s, NULL))
	    return rules[i].name;
    }
    if (nmf_regex_match_jit (question_to_you, s, NULL))
	return "question";
    return NULL;
}

/* The sentences of the new text: paragraphs are joined into lines, then
 * cut after '.', '?' or '!' before a space, and at list items. */
static GPtrArray *
sentences (const char *body)
{
    GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
    g_auto (GStrv) lines = g_strsplit (body ? body : "", "\n", -1);
    g_autoptr (GString) para = g_string_new (NULL);
    guint i;

    for (i = 0; lines[i] || para->len; i++) {
	const char *l = lines[i] ? lines[i] : "";
	g_autofree char *t = g_strstrip (g_strdup (l));
	gboolean item = *t == '-' || *t == '*' || g_str_has_prefix (t, "\xe2\x80\xa2")
			|| (g_ascii_isdigit (*t) && (t[1] == '.' || t[1] == ')'));

	if (! *t || item || ! lines[i]) {
	    if (para->len) {
		g_autoptr (GRegex) re = nmf_regex_new (
		    "(?<=[.?!])\\s+(?=\\S)", 0, 0, NULL);
		g_auto (GStrv) parts = re ? g_regex_split (re, para->str, 0)
					  : g_strsplit (para->str, "\n", 1);
		guint k;

		for (k = 0; parts[k]; k++) {
		    if (*parts[k])
			g_ptr_array_add (out, g_strdup (parts[k]));
		}
		g_string_truncate (para, 0);
	    }
	    if (! lines[i])
		break;
	}
	if (*t) {
	    if (para->len)
		g_string_append_c (para, ' ');
	    g_string_append (para, t);
	}
    }
    return out;
}

static gboolean
only_copied (const struct nmf_message *msg, const char *const *user_emails)
{
    guint i;

    if (! msg->to->len)
	return FALSE;
    for (i = 0; i < msg->to->len; i++) {
	const struct nmf_address *a = msg->to->pdata[i];

	if (nmf_address_in (a->addr, user_emails))
	    return FALSE;
    }
    return TRUE;
}

gboolean
nmf_request_find (const struct nmf_message *msg,
		  const char *const *user_emails, struct nmf_request *out)
{
    g_autoptr (GPtrArray) sents = NULL;
    guint i;

    memset (out, 0, sizeof (*out));
    if (! msg->from || nmf_address_in (msg->from->addr, user_emails)
	|| nmf_address_is_robot (msg->from->addr)
	|| (msg->flags & (NMF_MSG_AUTO_REPLY | NMF_MSG_BULK | NMF_MSG_LIST
			  | NMF_MSG_BOUNCE | NMF_MSG_GENERATED))
	|| only_copied (msg, user_emails)
	|| msg->to->len + msg->cc->len > 10)
	return FALSE;
    /* A person asks near the top of what they write: the first
     * BODY_MAX bytes of the new text are read (a 50 MB body is no
     * letter). */
    {
	g_autofree char *head = g_strndup (msg->body ? msg->body : "",
					   BODY_MAX);
	const char *end = NULL;

	/* Cut at a character's start, not inside one. */
	if (! g_utf8_validate (head, -1, &end))
	    head[end - head] = '\0';
	sents = sentences (head);
    }
    for (i = 0; i < sents->len; i++) {
	const char *s = sents->pdata[i];
	const char *rule = nmf_request_sentence (s);
	gint64 day = 0;

	if (! rule)
	    continue;
	out->rule = rule;
	out->what = nmf_text_one_line (s, WHAT_MAX);
	/* "please reply by Friday": the end of that day.  The timeline
	 * rule wants a sentence about an answer; a request is one. */
	{
	    g_autofree char *answer = g_strconcat ("answer: ", s, NULL);

	    /* "times next week" is no deadline: only "by", "before",
	     * "no later than" name one. */
	    if (nmf_regex_match_jit ("(?i)\\b(?:by|before|no later than|"
				     "deadline)\\b", s, NULL)
		&& nmf_dates_timeline (answer, msg->date, msg->date_offset,
				    (1u << 6) | (1u << 7), &day, NULL)
		&& day + 12 * 3600 > msg->date)
		/* The date (noon UTC, as dates.h gives it): the process
		 * takes its end in the user's zone. */
		out->by = day;
	}
	return TRUE;
    }
    return FALSE;
}

void
nmf_request_release (struct nmf_request *r)
{
    g_free (r->what);
    memset (r, 0, sizeof (*r));
}
