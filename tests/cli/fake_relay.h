/* SPDX-License-Identifier: MIT */
/*
 * A scripted stand-in for the relay guest: a forked process serving a unix
 * socket in a temporary directory with relay_protocol.h frames.  It keeps a
 * small model of the hypervisor's payload registry (upload, get, list,
 * actions) and can be told to misbehave on a given request: a RELAY_ERROR
 * reply, a wrong id, a corrupt checksum, closing in the middle of a reply,
 * or silence.  Every request it receives is logged, one line each, for the
 * test to check what the client sent.
 */
#ifndef FAKE_RELAY_H
#define FAKE_RELAY_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#define FAKE_PAYLOADS 40

struct fake_payload {
    char name[128];
    uint32_t state;
    int32_t rc;
    char meta[256];
    uint32_t meta_len;
    unsigned int pending; /* GETs still answering rc -EAGAIN */
};

enum fake_fault {
    FAULT_NONE,
    FAULT_ERROR,           /* RELAY_ERROR with .err and .msg */
    FAULT_WRONG_ID_FIRST,  /* a reply to another id, then the right reply */
    FAULT_WRONG_ID_ONLY,   /* only a reply to another id */
    FAULT_BAD_BODY_CRC,    /* the reply with a wrong body checksum */
    FAULT_BAD_HEADER,      /* the reply with a wrong header checksum */
    FAULT_CLOSE_MID_REPLY, /* the header and half the body, then close */
    FAULT_STALL_MID_REPLY, /* the header and half the body, then nothing */
    FAULT_CLOSE,           /* close instead of replying */
    FAULT_SILENT,          /* never reply */
    FAULT_WRONG_TYPE,      /* a reply of another type */
    FAULT_SHORT_BODY,      /* a well-framed reply too short for its fields */
    FAULT_GARBAGE_FIRST,   /* junk (half a magic, a cut header), then the reply */
};

struct fake_fault_spec {
    uint16_t type;    /* RELAY_REQ_* it applies to */
    unsigned int nth; /* the nth request of that type (from 1); 0: every one */
    enum fake_fault kind;
    int32_t err;     /* FAULT_ERROR: negative errno */
    const char *msg; /* FAULT_ERROR: why */
    bool id_zero;    /* FAULT_ERROR: with id 0, as for a frame whose header was unreadable */
};

struct fake_relay {
    /* The model; set before fake_relay_start(). */
    struct fake_payload p[FAKE_PAYLOADS];
    unsigned int n;
    uint32_t list_version;
    uint8_t build_id[20];
    uint16_t build_id_len;
    uint32_t relay_version; /* what HELLO says */
    uint32_t max_body;
    int32_t upload_rc, action_rc;      /* non-zero: the sysctl's answer, whatever the model says */
    int32_t action_result;             /* the payload's rc after an accepted action (0: success) */
    unsigned int pending_gets;         /* GETs answering -EAGAIN after an accepted action */
    unsigned int list_max;             /* entries per LIST reply at most (0: as many as asked) */
    unsigned int bump_version_at_list; /* the list version changes at this LIST request */
    bool bump_every_list;              /* ... or at every one */
    unsigned int list_e2big_over;      /* LIST of more entries answers -E2BIG (0: never) */
    struct fake_fault_spec faults[4];
    /* Where it runs. */
    char dir[64], sock[108], log[128];
    pid_t pid;
};

/* Defaults (build-id 0x00..0x13, relay version RELAY_VERSION) and a fresh directory. */
void fake_relay_init(struct fake_relay *f);
void fake_relay_add(struct fake_relay *f, const char *name, uint32_t state, int32_t rc,
                    const char *meta, uint32_t meta_len);
/* Starts serving f->sock (listening before it returns). */
void fake_relay_start(struct fake_relay *f);
/* Stops it and removes the directory (the log is read before). */
void fake_relay_stop(struct fake_relay *f);
/* The request log so far (malloc'd, "" if none). */
char *fake_relay_log(const struct fake_relay *f);
/* How many lines of the log start with @prefix. */
unsigned int fake_relay_count(const struct fake_relay *f, const char *prefix);

#endif /* FAKE_RELAY_H */
