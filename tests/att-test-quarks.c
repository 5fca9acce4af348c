/* att-test-quarks.c: GLib's first block of quarks, kept where
 * LeakSanitizer sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <glib.h>

/*
 * GLib keeps its quark strings in an array that grows by 2048 entries, and
 * leaks the array it replaces on purpose (gquark.c, quark_new(): "This
 * leaks the old quarks array").  A test that builds the whole window passes
 * 2048 quarks, and LeakSanitizer reports GLib's first array as a leak of
 * 16384 bytes that it cannot tell from ours: GLib is built without frame
 * pointers, so the report stops at g_malloc() and no suppression can name
 * it.  Before main() runs, while that array is still GLib's current one,
 * this finds it (a 16384-byte heap block in GLib's data whose entries are
 * the first quarks' strings) and keeps a pointer to it in a global, where
 * LeakSanitizer sees it.  Nothing happens without AddressSanitizer.
 */

#if defined(__SANITIZE_ADDRESS__) && defined(__linux__)

#include <link.h>
#include <string.h>

/* From the sanitizers' allocator interface (its header is not in Debian's
 * gcc). */
int    __sanitizer_get_ownership (const volatile void *p);
size_t __sanitizer_get_allocated_size (const volatile void *p);

#define QUARK_BLOCK_BYTES (2048 * sizeof (char *))

static gpointer glib_first_quarks;

static gboolean
is_first_quark_block (const char *const *candidate)
{
  /* Only a block the sanitizer's allocator owns is read. */
  return __sanitizer_get_ownership (candidate) &&
         __sanitizer_get_allocated_size (candidate) == QUARK_BLOCK_BYTES &&
         candidate[0] == NULL && candidate[1] == g_quark_to_string (1) &&
         candidate[2] == g_quark_to_string (2);
}

static int
find_in_glib (struct dl_phdr_info *info,
              size_t               size,
              void                *data)
{
  if (info->dlpi_name == NULL || strstr (info->dlpi_name, "libglib-2.0.so") == NULL)
    return 0;

  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW (Phdr) *phdr = &info->dlpi_phdr[i];
      const char *const *const *word;
      const char *const *const *end;

      if (phdr->p_type != PT_LOAD || (phdr->p_flags & PF_W) == 0)
        continue;
      word = (gpointer) ((info->dlpi_addr + phdr->p_vaddr + sizeof (gpointer) - 1) & ~(sizeof (gpointer) - 1));
      end = (gpointer) (info->dlpi_addr + phdr->p_vaddr + phdr->p_memsz - sizeof (gpointer));
      for (; word <= end; word++)
        if (is_first_quark_block (*word))
          {
            glib_first_quarks = (gpointer) *word;
            return 1;
          }
    }
  return 1;
}

__attribute__ ((constructor)) static void
keep_glib_first_quarks (void)
{
  /* Two quarks at least, so that the block is told by its entries. */
  g_quark_from_static_string ("att-test-quarks-1");
  g_quark_from_static_string ("att-test-quarks-2");
  dl_iterate_phdr (find_in_glib, NULL);
}

#endif
