// Which resources this catalog searches (the UI config's index switches), in tab order, and their nouns.
export { searchableResources } from '../../../contract/search-request';
export { RESOURCE_NOUNS } from '../../../contract/search-state';
