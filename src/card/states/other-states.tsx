import { lazy } from 'react';

/**
 * The views of a card open that found no single customer. Most opens find one, so these come in a
 * chunk of their own after the first paint; render them inside a Suspense boundary.
 */
const views = () => import('./state-views');

export const ConfigurationPending = lazy(() => views().then((module) => ({ default: module.ConfigurationPending })));
export const MissingIdentifier = lazy(() => views().then((module) => ({ default: module.MissingIdentifier })));
export const MultipleCustomers = lazy(() => views().then((module) => ({ default: module.MultipleCustomers })));
export const NoCustomerFound = lazy(() => views().then((module) => ({ default: module.NoCustomerFound })));
