import { describe, expect, it } from 'vitest';
import { verifyToken } from '../auth/tokens';
import { createDemoInbox } from './app';

const appSecret = 'demo-inbox-test-secret-demo-inbox-test';
const origin = 'http://127.0.0.1:8788';
const inbox = createDemoInbox({ conversations: [], cardOrigin: 'http://localhost:8787', appSecret, origin });

const askToken = (headers: Record<string, string>) =>
  inbox.request('http://127.0.0.1:8788/demo-token?role=admin', { method: 'POST', headers });

describe('the demo inbox’s tokens', () => {
  it('are given to the inbox’s own pages, at its own address', async () => {
    const response = await askToken({ Host: '127.0.0.1:8788', Origin: origin });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    await expect(verifyToken(appSecret, token)).resolves.toEqual({ sub: 'demo-admin', role: 'admin' });
  });

  it.each([
    ['a page that rebinds its own name to the inbox’s address', { Host: 'attacker.example:8788', Origin: 'http://attacker.example:8788' }],
    ['a page on another origin', { Host: '127.0.0.1:8788', Origin: 'https://attacker.example' }],
    ['a request without an Origin (not from a page of the inbox)', { Host: '127.0.0.1:8788' }],
    ['another name for the same machine', { Host: 'localhost:8788', Origin: origin }],
  ])('are refused to %s, with a problem document', async (_, headers) => {
    const response = await askToken(headers);
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string; token?: string };
    expect(problem.code).toBe('FORBIDDEN');
    expect(problem.token).toBeUndefined();
  });
});
