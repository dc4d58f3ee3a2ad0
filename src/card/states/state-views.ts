// One chunk for the views `other-states.tsx` loads on demand.
export { ConfigurationPending } from './configuration-pending';
export { MissingIdentifier } from './missing-identifier';
export { MultipleCustomers } from '../customer/multiple-customers';
export { NoCustomerFound } from './no-customer-found';
