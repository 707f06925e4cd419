"""The `claims` component: the propositions an article puts forward, with their source and modality."""
