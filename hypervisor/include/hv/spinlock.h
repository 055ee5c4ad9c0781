/* SPDX-License-Identifier: MIT */
/*
 * Spinlocks.  Hypervisor context always runs with interrupts disabled (they
 * are only enabled in guest mode and in the idle loop's halt), so there are
 * no IRQ-safe variants: a lock is never taken from interrupt context.
 */
#ifndef HV_SPINLOCK_H
#define HV_SPINLOCK_H

#include <hv/types.h>
#include <arch/atomic.h>

typedef struct {
    volatile uint32_t locked;
} spinlock_t;

#define SPIN_LOCK_UNLOCKED \
    {                      \
        0                  \
    }

static inline void spin_lock_init(spinlock_t *l)
{
    l->locked = 0;
}

static inline void spin_lock(spinlock_t *l)
{
    while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
        while (l->locked)
            cpu_relax();
}

static inline void spin_unlock(spinlock_t *l)
{
    __atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

#endif /* HV_SPINLOCK_H */
