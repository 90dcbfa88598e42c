// The <razylyk-*> elements in Vue's GlobalComponents, for vue-tsc --strictTemplates.
import type {} from 'razylyk/vue';
