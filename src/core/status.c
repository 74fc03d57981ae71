/* status.c — names of enum nmf_status values. */
#include "nmf/status.h"

const char *
nmf_status_to_string (enum nmf_status st)
{
    switch (st) {
    case NMF_OK:
	return "success";
    case NMF_ERR_NOMEM:
	return "out of memory";
    case NMF_ERR_IO:
	return "input/output error";
    case NMF_ERR_PARSE:
	return "cannot parse";
    case NMF_ERR_NOTMUCH:
	return "notmuch database error";
    case NMF_ERR_LOCKED:
	return "database is locked";
    case NMF_ERR_NET:
	return "network error";
    case NMF_ERR_CONFIG:
	return "configuration error";
    case NMF_ERR_USAGE:
	return "usage error";
    case NMF_ERR_CHANGED:
	return "changed meanwhile";
    }
    return "unknown status";
}
