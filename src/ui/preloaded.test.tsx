import { act, render, screen } from '@testing-library/react';
import { preloaded, usePreloaded, type Preloaded } from './preloaded';

function Shown({ chunk }: { chunk: Preloaded<{ text: string }> }) {
  const module = usePreloaded(chunk);
  return <p>{module ? module.text : 'Loading'}</p>;
}

describe('a preloaded chunk', () => {
  it('is asked for once, however many ask', async () => {
    const importer = vi.fn(() => Promise.resolve({ text: 'Orders' }));
    const chunk = preloaded(importer);
    await Promise.all([chunk.load(), chunk.load()]);
    render(<Shown chunk={chunk} />);
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('shows at once, with no loading state in between, when it has already arrived', async () => {
    const chunk = preloaded(() => Promise.resolve({ text: 'Orders' }));
    await chunk.load();
    render(<Shown chunk={chunk} />);
    expect(screen.getByText('Orders')).toBeInTheDocument();
  });

  it('is asked for by the first view that needs it, and shown when it arrives', async () => {
    let arrive!: (module: { text: string }) => void;
    const chunk = preloaded(() => new Promise<{ text: string }>((resolve) => (arrive = resolve)));
    render(<Shown chunk={chunk} />);
    expect(screen.getByText('Loading')).toBeInTheDocument();
    await act(async () => arrive({ text: 'Orders' }));
    expect(screen.getByText('Orders')).toBeInTheDocument();
  });

  it('is asked for only once wanted, and stays once in', async () => {
    const importer = vi.fn(() => Promise.resolve({ text: 'Orders' }));
    const chunk = preloaded(importer);
    function Wanted({ wanted }: { wanted: boolean }) {
      const module = usePreloaded(chunk, wanted);
      return <p>{module ? module.text : 'Not yet'}</p>;
    }
    const { rerender } = render(<Wanted wanted={false} />);
    expect(importer).not.toHaveBeenCalled();
    rerender(<Wanted wanted />);
    expect(await screen.findByText('Orders')).toBeInTheDocument();
    rerender(<Wanted wanted={false} />);
    expect(screen.getByText('Orders')).toBeInTheDocument();
  });

  it('is asked for again after it failed to load', async () => {
    const importer = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce({ text: 'Orders' });
    const chunk = preloaded<{ text: string }>(importer);
    await expect(chunk.load()).rejects.toThrow('offline');
    await expect(chunk.load()).resolves.toEqual({ text: 'Orders' });
    expect(chunk.current()).toEqual({ text: 'Orders' });
  });
});
