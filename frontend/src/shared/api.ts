import { redirectToSignIn } from './auth';
import { t } from './i18n';

/** A refusal from the API: the problem+json body's title and detail (and validation errors) are kept to show. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: Record<string, string[]> | undefined,
  ) {
    super(detail ?? title);
  }

  /** One line for a person: the detail, else the validation messages, else the title. */
  get text(): string {
    const validation = this.errors ? Object.entries(this.errors).map(([k, v]) => `${k}: ${v.join('; ')}`).join(' · ') : '';
    const text = [this.detail, validation].filter(Boolean).join(' — ');
    // A bare 403 says only "Forbidden": say it for a person.
    if (this.status === 403) return text ? `${t('forbidden')} (${text})` : t('forbidden');
    return text || this.title || `HTTP ${this.status}`;
  }
}

async function send<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? safeParse(text) : undefined;
  // Signed out (or the session ran out): to the sign-in page, which brings the user back here.
  if (response.status === 401) redirectToSignIn();
  if (!response.ok) {
    const problem = (json ?? {}) as { title?: string; detail?: string; errors?: Record<string, string[]> };
    throw new ApiProblem(response.status, problem.title ?? response.statusText, problem.detail ?? (json ? undefined : text || undefined), problem.errors);
  }

  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(url: string) => send<T>('GET', url),
  post: <T>(url: string, body: unknown) => send<T>('POST', url, body),
};

export interface Actor {
  id: string;
  role: 'HotlineOperator' | 'Dispatcher' | 'UnitHandler' | 'GridWorker' | 'Inspector' | 'CommandCenter' | 'System';
  name: string;
}

export const commandCenter: Actor = { id: 'command-center', role: 'CommandCenter', name: '指挥中心' };

export function errorText(error: unknown): string {
  if (error instanceof ApiProblem) return error.text;
  return error instanceof Error ? error.message : String(error);
}
