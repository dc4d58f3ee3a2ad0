import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secrets';

const oldSecret = 'old-app-secret-old-app-secret-old-app-secret';
const newSecret = 'new-app-secret-new-app-secret-new-app-secret';

describe('sealed secrets', () => {
  it('open with the secret that sealed them, and say which one it was during a rotation', () => {
    const sealed = createSecretBox(oldSecret).seal('shpss_client-secret');
    expect(createSecretBox(oldSecret).open(sealed)).toEqual({ plain: 'shpss_client-secret', sealedWith: 'current' });
    expect(createSecretBox(newSecret, oldSecret).open(sealed)).toEqual({ plain: 'shpss_client-secret', sealedWith: 'previous' });
    const resealed = createSecretBox(newSecret, oldSecret).seal('shpss_client-secret');
    expect(createSecretBox(newSecret).open(resealed)).toEqual({ plain: 'shpss_client-secret', sealedWith: 'current' });
  });

  it('do not open with another secret, nor once changed', () => {
    const sealed = createSecretBox(oldSecret).seal('shpss_client-secret');
    expect(createSecretBox(newSecret).open(sealed)).toBeNull();
    const [version, iv, tag, body] = sealed.split('.');
    const tampered = [version, iv, tag, `${body?.slice(0, -2)}AA`].join('.');
    expect(createSecretBox(oldSecret).open(tampered)).toBeNull();
    expect(createSecretBox(oldSecret).open('not sealed')).toBeNull();
  });
});
