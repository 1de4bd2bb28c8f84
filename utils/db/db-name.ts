/** The extension's IndexedDB database (DESIGN.md test contract); a module of its own so Dexie-free code can name it. */
export const DB_NAME = 'orderlens';
