export { knownChildrenTable, SEX_COLUMN, type ChildColumn, type KnownChildrenTable } from './known-children-table';
export { copyIdentityEvents, findKnownChildren, saveKnownChildren } from './known-children.store';
