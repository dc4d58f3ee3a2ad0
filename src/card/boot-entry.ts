import { bootCard, startCardCode } from './boot';

try {
  bootCard(window);
} catch {
  // The card reads the URL again on its own: nothing is lost but a head start.
  startCardCode(document);
}
