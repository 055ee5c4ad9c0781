/* SPDX-License-Identifier: MIT */
/* Barriers and the spin-wait hint, without inline assembly. */
#ifndef ARCH_ATOMIC_H
#define ARCH_ATOMIC_H

/*
 * Every spin-wait in common/ waits for another CPU, and the fake runs one:
 * a spin can never end, so the fake reports it as a deadlock and aborts.
 */
void fake_cpu_relax(void);

static inline void cpu_relax(void)
{
    fake_cpu_relax();
}

#define barrier() __atomic_signal_fence(__ATOMIC_SEQ_CST)
#define smp_mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb() __atomic_thread_fence(__ATOMIC_ACQUIRE)
#define smp_wmb() __atomic_thread_fence(__ATOMIC_RELEASE)

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#endif /* ARCH_ATOMIC_H */
