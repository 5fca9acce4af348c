#include "config.h"

#include "att-window.h"
