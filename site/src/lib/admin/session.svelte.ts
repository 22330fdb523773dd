/**
 * Who is signed in, for the admin pages (client-only: the admin renders without SSR).
 * `status` drives the layout: sign-in panel, "not an editor", or the pages.
 */
import { claimsOf, forgetToken, storedToken } from './auth';

export type SessionStatus = 'checking' | 'signed-out' | 'expired' | 'forbidden' | 'editor';

class Session {
  token: string | undefined = $state();
  status: SessionStatus = $state('checking');
  /** The editor's id as the API reads it from the token (their e-mail). */
  who: string | undefined = $state();
  /** The staff groups the API reads from the token: `publishers` may approve and publish. */
  groups: string[] = $state([]);

  /** Reads the stored token and asks the API who it names. */
  async resume(me: () => Promise<{ id: string; groups?: string[] }>): Promise<void> {
    this.token = storedToken();
    if (!this.token) {
      this.status = this.status === 'expired' ? 'expired' : 'signed-out';
      return;
    }
    this.who = claimsOf(this.token)?.email;
    this.status = 'checking';
    try {
      const found = await me();
      this.who = found.id;
      this.groups = found.groups ?? [];
      this.status = 'editor';
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 403) this.status = 'forbidden';
      else if (status !== 401) this.status = 'editor'; // the API is down: let the pages say so
    }
  }

  /** The API answered 401: the token expired or was refused. */
  expire(): void {
    forgetToken();
    this.token = undefined;
    this.status = 'expired';
  }

  /** Signing out (unlike expiring) forgets everything this tab kept: someone else may use it next. */
  signOut(): void {
    forgetToken();
    for (const key of Object.keys(sessionStorage))
      if (key.startsWith('cimade-admin:')) sessionStorage.removeItem(key);
    this.token = undefined;
    this.who = undefined;
    this.groups = [];
    this.status = 'signed-out';
  }
}

export const session = new Session();
