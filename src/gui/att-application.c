#include "config.h"

#include "att-application.h"
