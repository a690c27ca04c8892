/* preemptlint test header: device attributes (sysfs files of a device). */
#ifndef _PLT_LINUX_DEVICE_H
#define _PLT_LINUX_DEVICE_H

#include <linux/compiler.h>
#include <linux/types.h>

struct device;

struct attribute {
	const char *name;
	unsigned short mode;
};

#define __ATTR(_name, _mode, _show, _store) {				\
	.attr = {.name = __stringify(_name), .mode = _mode },		\
	.show	= _show,						\
	.store	= _store,						\
}

#define __ATTR_RO(_name) {						\
	.attr	= { .name = __stringify(_name), .mode = 0444 },		\
	.show	= _name##_show,						\
}

struct device_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr,
			 const char *buf, size_t count);
};

#define DEVICE_ATTR_RO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RO(_name)

#endif
