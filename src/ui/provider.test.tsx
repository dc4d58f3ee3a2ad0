import { render } from '@testing-library/react';
import { Provider } from './provider';
import { StatusBadge } from './status-badge';

function mockSystemPreference(dark: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: dark && query === '(prefers-color-scheme: dark)',
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.documentElement.className = '';
  document.documentElement.style.colorScheme = '';
});

describe('colour mode', () => {
  it("follows the host's theme", () => {
    mockSystemPreference(false);
    const { rerender } = render(<Provider colorMode="dark">card</Provider>);

    expect(document.documentElement).toHaveClass('dark');
    expect(document.documentElement).not.toHaveClass('light');
    expect(document.documentElement.style.colorScheme).toBe('dark');

    rerender(<Provider colorMode="light">card</Provider>);
    expect(document.documentElement).toHaveClass('light');
    expect(document.documentElement.style.colorScheme).toBe('light');
  });

  it('follows the system preference when the host gives no theme', () => {
    mockSystemPreference(true);
    render(<Provider>card</Provider>);

    expect(document.documentElement).toHaveClass('dark');
  });
});

describe('StatusBadge', () => {
  it('always says the status in words', () => {
    const { getByText } = render(
      <Provider colorMode="light">
        <StatusBadge label="Partially refunded" tone="neutral" />
      </Provider>,
    );
    expect(getByText('Partially refunded')).toBeVisible();
  });
});
