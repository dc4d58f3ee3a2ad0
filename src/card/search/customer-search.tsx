import { Box, Button, chakra, Flex, Text } from '@chakra-ui/react';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CardLookup } from '../../shared/wire';
import { guessSearchKind, searchLookup } from './search-query';
import { strings, type SearchKind } from '../strings';

const kinds: SearchKind[] = ['orderNumber', 'email', 'phone', 'name'];

const inputTypes: Record<SearchKind, { type: string; inputMode: 'text' | 'email' | 'tel'; autoComplete: string }> = {
  orderNumber: { type: 'text', inputMode: 'text', autoComplete: 'off' },
  email: { type: 'email', inputMode: 'email', autoComplete: 'off' },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'off' },
  name: { type: 'text', inputMode: 'text', autoComplete: 'off' },
};

const SearchInput = chakra('input', {
  base: {
    flex: '1',
    minW: '0',
    h: '8',
    px: '2.5',
    fontSize: 'sm',
    color: 'card.fg',
    bg: 'card.surface',
    borderWidth: '1px',
    borderColor: 'card.inputBorder',
    borderRadius: 'md',
    _placeholder: { color: 'card.muted' },
    _focusVisible: { outlineWidth: '2px', outlineStyle: 'solid', outlineColor: 'gray.focusRing', outlineOffset: '1px' },
    _invalid: { borderColor: 'status.critical.border' },
  },
});

/** One choice of the segmented "Search by" control: a real radio button, drawn as a pill. */
const KindOption = chakra('label', {
  base: {
    display: 'inline-flex',
    alignItems: 'center',
    px: '2.5',
    h: '7',
    fontSize: 'xs',
    fontWeight: 'medium',
    borderWidth: '1px',
    borderColor: 'card.inputBorder',
    borderRadius: 'full',
    cursor: 'pointer',
    '& input': { position: 'absolute', opacity: '0', width: '1px', height: '1px' },
    '&:has(input:checked)': { bg: 'card.selected', color: 'card.selectedFg', borderColor: 'card.selected' },
    '&:has(input:focus-visible)': { outlineWidth: '2px', outlineStyle: 'solid', outlineColor: 'gray.focusRing', outlineOffset: '2px' },
  },
});

type CustomerSearchProps = {
  onSearch: (lookup: CardLookup) => void;
  /** Set when the search can be put away (Escape in the field does it too). */
  onClose?: () => void;
  autoFocus?: boolean;
};

/**
 * Looks a shopper up by order number (what a caller reads out), email, phone or name, when the
 * conversation's own identifier finds nobody or the wrong person.
 */
export function CustomerSearch({ onSearch, onClose, autoFocus = false }: CustomerSearchProps) {
  const text = strings.search;
  const [kind, setKind] = useState<SearchKind>('orderNumber');
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ids = { input: useId(), error: useId(), legend: useId(), kind: useId() };

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A value that is plainly another kind (an email typed with "Order number" chosen) is searched as that; words
    // are taken for a name only under the first choice, Order number, which the agent may not have changed.
    const plain = guessSearchKind(value);
    const guess = plain === 'name' && kind !== 'orderNumber' ? null : plain;
    const lookup = searchLookup(kind, value) ?? (guess && guess !== kind ? searchLookup(guess, value) : null);
    if (!lookup) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    if (guess && guess !== kind && !searchLookup(kind, value)) setKind(guess);
    setInvalid(false);
    onSearch(lookup);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && onClose) {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <chakra.form role="search" aria-label={text.label} onSubmit={submit} noValidate display="grid" gap="2" minW="0">
      <Box as="fieldset" minW="0" aria-labelledby={ids.legend}>
        <Text as="legend" id={ids.legend} fontSize="xs" color="card.muted" mb="1">
          {text.by}
        </Text>
        <Flex gap="1.5" wrap="wrap">
          {kinds.map((option) => (
            <KindOption key={option}>
              <input
                type="radio"
                name={ids.kind}
                value={option}
                checked={kind === option}
                onChange={() => {
                  setKind(option);
                  setInvalid(false);
                }}
              />
              {text.kinds[option]}
            </KindOption>
          ))}
        </Flex>
      </Box>
      <chakra.label htmlFor={ids.input} fontSize="xs" color="card.muted">
        {text.inputLabel[kind]}
      </chakra.label>
      <Flex gap="2" minW="0" mt="-1">
        <SearchInput
          ref={input}
          id={ids.input}
          name="search"
          {...inputTypes[kind]}
          spellCheck={false}
          placeholder={text.placeholder[kind]}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={onKeyDown}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? ids.error : undefined}
        />
        <Button type="submit" size="sm" variant="solid">
          {text.submit}
        </Button>
      </Flex>
      {invalid && (
        <Text id={ids.error} fontSize="xs" color="status.critical.fg">
          {text.invalid[kind]}
        </Text>
      )}
    </chakra.form>
  );
}
