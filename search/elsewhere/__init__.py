"""Questions that belong somewhere else ("Dit regelt u ergens anders"): passport, parking
permit, bulky waste, emergency dentist, 112, ... Editors keep the topics in the CMS
(``models.ElsewhereTopic``); ``matching.match`` finds the topic of a question."""
