import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { renderWithProviders } from '../test/render';
import { configSystem } from '../ui/config-system';
import { ConfirmDialog, type ConfirmMutation } from './confirm-dialog';

type Thing = { name: string };

function mutationState(state: Partial<ConfirmMutation> = {}): ConfirmMutation {
  return { isPending: false, isError: false, error: null, reset: vi.fn(), ...state };
}

function Harness({ mutation, onConfirm, onClose }: { mutation: ConfirmMutation; onConfirm: () => void; onClose: () => void }) {
  const [thing, setThing] = useState<Thing | null>({ name: 'Ada' });
  return (
    <ConfirmDialog
      role="alertdialog"
      subject={thing}
      title={(t) => `Delete ${t.name}?`}
      mutation={mutation}
      failedTitle="It could not be deleted"
      cancelLabel="Cancel"
      confirm={() => ({ label: 'Delete', tone: 'red', onConfirm })}
      onClose={() => {
        onClose();
        setThing(null);
      }}
    >
      {(t) => <p>{`${t.name} goes for good.`}</p>}
    </ConfirmDialog>
  );
}

describe('the confirm dialog', () => {
  it('asks with its title and body, and confirms once asked', async () => {
    const onConfirm = vi.fn();
    const { user } = renderWithProviders(<Harness mutation={mutationState()} onConfirm={onConfirm} onClose={vi.fn()} />, {
      system: configSystem,
    });
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete Ada?' });
    expect(dialog).toHaveTextContent('Ada goes for good.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('does nothing more while the change is under way', async () => {
    const onConfirm = vi.fn();
    const { user } = renderWithProviders(
      <Harness mutation={mutationState({ isPending: true })} onConfirm={onConfirm} onClose={vi.fn()} />,
      { system: configSystem },
    );
    const confirm = within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' });
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await user.click(confirm);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('says why the change failed, and Cancel forgets the failure and closes', async () => {
    const mutation = mutationState({ isError: true, error: new Error('boom') });
    const onClose = vi.fn();
    const { user } = renderWithProviders(<Harness mutation={mutation} onConfirm={vi.fn()} onClose={onClose} />, {
      system: configSystem,
    });
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('It could not be deleted');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(mutation.reset).toHaveBeenCalled();
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
