// Where the Publish step keeps the token: in memory (component state) always; in this tab's
// sessionStorage only while the user ticks the box, and removed the moment it is unticked.
// Never localStorage, the URL, the draft or the plan.
export const TOKEN_KEY = 'opsta.publish.token';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function session(): Store | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // storage disabled: the box then only keeps it in memory
  }
}

export function rememberedToken(store: Store | undefined = session()): string {
  try {
    return store?.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Keep (remember) or drop the token from the tab's storage. */
export function storeToken(token: string, remember: boolean, store: Store | undefined = session()): void {
  try {
    if (remember && token) store?.setItem(TOKEN_KEY, token);
    else store?.removeItem(TOKEN_KEY);
  } catch {
    // Quota or a disabled store: the token stays in memory only, which is the safe side.
  }
}
