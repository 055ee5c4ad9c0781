/* SPDX-License-Identifier: MIT */
/*
 * Frames of the relay protocol (../relay_protocol.h) over the UART: finding
 * the next frame in the byte stream, reading it whole within time limits,
 * and sending replies.
 */
#ifndef RELAY_LINK_H
#define RELAY_LINK_H

#include "relay_protocol.h"

/* Once a frame has started, each further byte must come within this. */
#define LINK_BYTE_TIMEOUT_NS 500000000ULL

struct link_request {
    struct relay_header h;
    uint8_t *body; /* h.length bytes */
};

/*
 * Waits for the next request frame, for ever.  0 with @req filled (body in
 * @buf, which holds RELAY_MAX_BODY bytes); or a negative Xen errno when the
 * frame was bad, with *@why saying how and req->h.id the frame's id (0 when
 * its header could not be trusted): the caller replies with RELAY_ERROR.
 */
int link_receive(struct link_request *req, uint8_t *buf, const char **why);
/* Sends one frame. */
void link_send(uint16_t type, uint32_t id, const void *body, uint32_t len);

#endif /* RELAY_LINK_H */
