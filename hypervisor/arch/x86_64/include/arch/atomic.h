/* SPDX-License-Identifier: MIT */
/* Barriers and the spin-wait hint. */
#ifndef ARCH_ATOMIC_H
#define ARCH_ATOMIC_H

static inline void cpu_relax(void)
{
    __asm__ volatile("pause" ::: "memory");
}

#define barrier() __asm__ volatile("" ::: "memory")
#define smp_mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb() barrier()
#define smp_wmb() barrier()

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#endif /* ARCH_ATOMIC_H */
