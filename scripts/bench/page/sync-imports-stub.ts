// `#imports` for the sync bench page (no WXT there): storage items that answer their fallback.
export const storage = {
  defineItem<T>(_key: string, options: { fallback: T }) {
    let value = options.fallback;
    return {
      getValue: async () => value,
      setValue: async (next: T) => {
        value = next;
      },
      watch: () => () => undefined,
    };
  },
};
