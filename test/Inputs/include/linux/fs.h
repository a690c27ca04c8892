/* preemptlint test header: files (after include/linux/fs.h). */
#ifndef _PLT_LINUX_FS_H
#define _PLT_LINUX_FS_H

#include <linux/compiler.h>
#include <linux/types.h>

struct file;
struct inode;
struct module;

struct file_operations {
	struct module *owner;
	loff_t (*llseek) (struct file *, loff_t, int);
	ssize_t (*read) (struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write) (struct file *, const char __user *, size_t, loff_t *);
	long (*unlocked_ioctl) (struct file *, unsigned int, unsigned long);
	int (*open) (struct inode *, struct file *);
	int (*release) (struct inode *, struct file *);
};

struct file {
	const struct file_operations	*f_op;
	void				*private_data;
	loff_t				f_pos;
};

#endif
