import { Alert, Box, Button } from '@chakra-ui/react';
import type { Ref } from 'react';

type SaveOutcomeProps = {
  /** The box focus moves to when a save is refused or fails, so its alert is read out. */
  ref: Ref<HTMLDivElement>;
  words: { fixBeforeSave: string; conflictTitle: string; conflict: string; reload: string; saveFailed: string };
  /** The page's own checks found problems to fix before saving. */
  fixFirst: boolean;
  /** Another admin saved first: offer to reload their version. */
  conflict: boolean;
  reloading: boolean;
  onReload: () => Promise<void>;
  /** What to say when the save failed for another reason; null when it did not fail. */
  failure: string | null;
};

/** What a mapping page says under its editor after Save: fix these first, someone saved first, or the save failed. */
export function SaveOutcome({ ref, words, fixFirst, conflict, reloading, onReload, failure }: SaveOutcomeProps) {
  return (
    <Box ref={ref} tabIndex={-1} outline="none">
      {fixFirst && (
        <Alert.Root status="error" role="alert">
          <Alert.Indicator />
          <Alert.Title>{words.fixBeforeSave}</Alert.Title>
        </Alert.Root>
      )}
      {conflict && (
        <Alert.Root status="warning" role="alert">
          <Alert.Indicator />
          <Alert.Content>
            <Alert.Title>{words.conflictTitle}</Alert.Title>
            <Alert.Description>
              {words.conflict}
              <Box mt="2">
                <Button size="sm" onClick={() => void (reloading || onReload())} aria-disabled={reloading || undefined}>
                  {words.reload}
                </Button>
              </Box>
            </Alert.Description>
          </Alert.Content>
        </Alert.Root>
      )}
      {failure !== null && (
        <Alert.Root status="error" role="alert">
          <Alert.Indicator />
          <Alert.Content>
            <Alert.Title>{words.saveFailed}</Alert.Title>
            <Alert.Description>{failure}</Alert.Description>
          </Alert.Content>
        </Alert.Root>
      )}
    </Box>
  );
}
