import { Combobox, Portal, Text, useFilter, useListCollection } from '@chakra-ui/react';
import { useState } from 'react';
import { fieldCatalogue, fieldsOf, orderCardFields, type FieldEntity, type FieldKey } from '../shared/fields';
import { fieldDescriptions } from './field-descriptions';
import { strings } from './strings';

type Choice = { value: FieldKey; label: string; group: string; description: string };

const choicesOf = (entity: FieldEntity, onlyCardFields: boolean): Choice[] =>
  (onlyCardFields ? orderCardFields() : fieldsOf(entity)).map((key) => ({
    value: key,
    label: fieldCatalogue[key].label,
    ...fieldDescriptions[key],
  }));

type FieldPickerProps = {
  entity: FieldEntity;
  value: FieldKey | null;
  /** Fields already in this list, offered but not choosable. */
  taken: ReadonlySet<FieldKey>;
  label: string;
  invalid: boolean;
  describedBy?: string | undefined;
  onChange: (key: FieldKey) => void;
  /** The order card offers only the fields that suit it (not the costly lists). */
  onlyCardFields?: boolean;
};

/** One field from the catalogue: grouped as the catalogue groups them, searchable by name and description. */
export function FieldPicker({ entity, value, taken, label, invalid, describedBy, onChange, onlyCardFields = false }: FieldPickerProps) {
  const { contains } = useFilter({ sensitivity: 'base' });
  const { collection, filter, reset } = useListCollection({
    initialItems: choicesOf(entity, onlyCardFields),
    itemToString: (item) => item.label,
    itemToValue: (item) => item.value,
    isItemDisabled: (item) => item.value !== value && taken.has(item.value),
    groupBy: (item) => item.group,
    filter: (text, query, item) => contains(text, query) || contains(item.description, query) || contains(item.group, query),
  });
  const [inputValue, setInputValue] = useState(value ? fieldCatalogue[value].label : '');
  const [shownFor, setShownFor] = useState(value);
  if (shownFor !== value) {
    // The row's field changed from outside (a reload): show its label.
    setShownFor(value);
    setInputValue(value ? fieldCatalogue[value].label : '');
  }

  return (
    <Combobox.Root
      collection={collection}
      value={value ? [value] : []}
      inputValue={inputValue}
      invalid={invalid}
      openOnClick
      lazyMount
      unmountOnExit
      inputBehavior="autohighlight"
      positioning={{ sameWidth: false, placement: 'bottom-start' }}
      onInputValueChange={(details) => {
        setInputValue(details.inputValue);
        if (details.reason === 'input-change') filter(details.inputValue);
      }}
      onOpenChange={(details) => {
        // Opened by a click or a key: show every field. Opened by typing: keep the search just typed.
        if (details.open && details.reason !== 'input-change') reset();
      }}
      onValueChange={(details) => {
        const [key] = details.value;
        if (key) onChange(key as FieldKey);
      }}
      flex="1"
      minW="0"
    >
      <Combobox.Label srOnly>{label}</Combobox.Label>
      <Combobox.Control>
        <Combobox.Input placeholder={strings.mapping.choose} aria-describedby={describedBy} />
        <Combobox.IndicatorGroup>
          <Combobox.Trigger />
        </Combobox.IndicatorGroup>
      </Combobox.Control>
      <Portal>
        <Combobox.Positioner>
          <Combobox.Content maxH="80" minW="72" maxW="sm">
            <Combobox.Empty>{strings.mapping.noMatch}</Combobox.Empty>
            {collection.group().map(([group, items]) => (
              <Combobox.ItemGroup key={group}>
                <Combobox.ItemGroupLabel>{group}</Combobox.ItemGroupLabel>
                {items.map((item) => (
                  <Combobox.Item key={item.value} item={item} alignItems="flex-start">
                    <Combobox.ItemText display="flex" flexDirection="column" gap="0.5">
                      <Text as="span" fontWeight="medium">
                        {item.label}
                        {item.value !== value && taken.has(item.value) && (
                          <Text as="span" color="fg.muted" fontWeight="normal">{` (${strings.mapping.alreadyChosen})`}</Text>
                        )}
                      </Text>
                      <Text as="span" color="fg.muted" fontSize="xs">
                        {item.description}
                      </Text>
                    </Combobox.ItemText>
                    <Combobox.ItemIndicator />
                  </Combobox.Item>
                ))}
              </Combobox.ItemGroup>
            ))}
          </Combobox.Content>
        </Combobox.Positioner>
      </Portal>
    </Combobox.Root>
  );
}
