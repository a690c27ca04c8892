/* preemptlint test header: bit helpers. */
#ifndef _PLT_LINUX_BITS_H
#define _PLT_LINUX_BITS_H

#define _UL(x)		(x##UL)
#define _ULL(x)		(x##ULL)
#define UL(x)		(_UL(x))
#define ULL(x)		(_ULL(x))
#define _BITUL(x)	(_UL(1) << (x))
#define BIT(nr)		(UL(1) << (nr))
#define BITS_PER_LONG	64

#endif /* _PLT_LINUX_BITS_H */
