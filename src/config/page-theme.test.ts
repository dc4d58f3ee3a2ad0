import { pageTheme } from './page-theme';

describe('the configuration page’s theme', () => {
  it('takes the host’s theme from the query, in any case', () => {
    expect(pageTheme('https://card.example.com/config?theme=dark')).toBe('dark');
    expect(pageTheme('https://card.example.com/config?theme=LIGHT#token=a.b.c')).toBe('light');
  });

  it('follows the system’s without one, or with one it does not know', () => {
    expect(pageTheme('https://card.example.com/config')).toBeNull();
    expect(pageTheme('https://card.example.com/config?theme=sepia')).toBeNull();
  });
});
