import type * as bridge from '../../../main/contract/bridge';

// The contract's constants are typed as literals, so these annotations make the compiler check
// that the renderer spells them the same way without importing contract code at runtime.
const TOKEN_FRAGMENT: typeof bridge.BRIDGE_TOKEN_FRAGMENT = 'token';
const TOKEN_STORAGE_KEY: typeof bridge.BRIDGE_TOKEN_STORAGE_KEY = 'caselink.bridgeToken';

/**
 * Takes the bridge session token out of the address bar (`#token=...`) into sessionStorage and
 * returns the token to use, or null when there is none. A token in the fragment wins over a
 * stored one, because it comes from the URL `caselink serve` printed most recently.
 */
export function takeBridgeToken(): string | null {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const fromFragment = fragment.get(TOKEN_FRAGMENT);
  if (fromFragment) {
    writeStoredToken(fromFragment);
    fragment.delete(TOKEN_FRAGMENT);
    const rest = fragment.toString();
    // Keep the token out of the address bar, history and anything a user might copy or share.
    window.history.replaceState(
      window.history.state,
      '',
      window.location.pathname + window.location.search + (rest ? `#${rest}` : ''),
    );
    return fromFragment;
  }
  return readStoredToken();
}

function readStoredToken(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    // Storage can be disabled by browser policy; the token then lives only in memory.
    return null;
  }
}

function writeStoredToken(token: string): void {
  try {
    window.sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // See readStoredToken.
  }
}
