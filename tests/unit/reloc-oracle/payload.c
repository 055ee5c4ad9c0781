/* SPDX-License-Identifier: MIT */
/*
 * A realistic payload translation unit (globals, statics, string literals,
 * function pointers, a switch with a jump table, calls out), compiled for
 * each architecture with the flags payloads are built with.  The externs
 * are placed by the LD-DEFSYM lines, relative to a function here so they
 * stay within reach of every relocation whatever the base address.
 *
 * LD-DEFSYM printk=payload_mul+0x1234560
 * LD-DEFSYM xmalloc_bytes=payload_mul-0xabcde0
 * LD-DEFSYM hv_counter=payload_mul+0x1fff00
 * LD-DEFSYM hv_banner=payload_mul-0x654320
 * LD-DEFSYM hv_hook=payload_mul+0x0effff0
 * LD-DEFSYM hv_log=payload_mul+0x1800000
 *
 * ARM's unwind tables name the personality routine with an R_ARM_NONE:
 * LD-DEFSYM __aeabi_unwind_cpp_pr0=payload_mul-0x1000000
 */
typedef unsigned long size_t;

extern int printk(const char *fmt, ...);
extern void *xmalloc_bytes(size_t n);
extern void hv_log(int level, const char *msg);
extern int hv_counter;
extern const char hv_banner[];
extern void (*hv_hook)(int);

struct payload_op {
    int (*fn)(int, int);
    const char *name;
};

int payload_mul(int a, int b);

static int payload_add(int a, int b)
{
    return a + b;
}

static int payload_sub(int a, int b)
{
    return a - b;
}

int payload_mul(int a, int b)
{
    return a * b;
}

static const struct payload_op ops[] = {
    { payload_add, "add" },
    { payload_sub, "subtract" },
    { payload_mul, "multiply" },
};
static int calls;
static char *last_buffer;
int payload_total = 7;
long payload_table[4] = { 1, 2, 3, (long)&payload_total };
const char *payload_names[] = { "alpha", "beta gamma", 0 };
int *payload_total_ptr = &payload_total;
void (*payload_hook_ptr)(int) = 0;

int payload_apply(unsigned int i, int a, int b);
int payload_classify(int x);
void *payload_grab(size_t n);
int payload_tail(int x);

int payload_apply(unsigned int i, int a, int b)
{
    calls++;
    if (i >= sizeof(ops) / sizeof(ops[0]))
        return printk("bad op %u in %s\n", i, hv_banner);
    hv_log(1, ops[i].name);
    return ops[i].fn(a, b);
}

/* Dense enough for a jump table on every architecture. */
int payload_classify(int x)
{
    switch (x) {
    case 0:
        return hv_counter;
    case 1:
        return printk("one\n");
    case 2:
        return calls + 3;
    case 3:
        return payload_total * 2;
    case 4:
        return (int)payload_table[x & 3];
    case 5:
        return payload_mul(x, x);
    case 6:
        return payload_apply(1, x, 2);
    case 7:
        hv_hook(x);
        return 0;
    case 8:
        return hv_banner[3];
    case 9:
        return (int)(long)payload_names[1];
    case 10:
        return *payload_total_ptr ^ 0x55;
    case 11:
        return printk("eleven %d\n", x);
    default:
        return -1;
    }
}

void *payload_grab(size_t n)
{
    last_buffer = xmalloc_bytes(n);
    hv_hook = payload_hook_ptr;
    return last_buffer;
}

int payload_tail(int x)
{
    return payload_apply((unsigned int)x, x, 1);
}
