import { chakra, Flex, Stack } from '@chakra-ui/react';
import { useId, type ReactNode } from 'react';

/** Plain form controls in the card's colours: the card's lean theme has no input recipes, and these need none. */
export const fieldStyle = {
  px: '2',
  py: '1',
  borderWidth: '1px',
  borderColor: 'card.inputBorder',
  borderRadius: 'sm',
  bg: 'card.surface',
  color: 'card.fg',
  _focusVisible: { outline: '2px solid', outlineColor: 'gray.focusRing', outlineOffset: '1px' },
} as const;

export function Checkbox({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <chakra.label display="flex" gap="2" alignItems="center">
      <chakra.input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} accentColor="blue.600" />
      {label}
    </chakra.label>
  );
}

export function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <Stack gap="1">
      <chakra.label htmlFor={id} fontWeight="medium">
        {label}
      </chakra.label>
      {children(id)}
    </Stack>
  );
}

export function Choice<T extends string>({
  legend,
  value,
  options,
  onChange,
}: {
  legend: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  const name = useId();
  return (
    <chakra.fieldset border="none" p="0" m="0">
      <chakra.legend fontWeight="medium" mb="1">
        {legend}
      </chakra.legend>
      <Flex direction="column" gap="1">
        {options.map((option) => (
          <chakra.label key={option.value} display="flex" gap="2" alignItems="center">
            <chakra.input type="radio" name={name} checked={value === option.value} onChange={() => onChange(option.value)} />
            {option.label}
          </chakra.label>
        ))}
      </Flex>
    </chakra.fieldset>
  );
}
