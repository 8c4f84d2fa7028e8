-- Musterstadt is a Bavarian municipality. Bavaria has largely abolished the objection procedure
-- (Widerspruchsverfahren, Art. 12 AGVwGO): against most municipal decisions the remedy is an action
-- at the administrative court, so the demo notice must not promise a Widerspruch. Beispielheim
-- (Baden-Württemberg) keeps V11's Widerspruch text. Only the untouched demo row is changed: a text
-- an administrator already edited stays theirs.
select set_config('rathaus.scope', 'platform', true);

update decision_text_block
   set title = 'Rechtsbehelfsbelehrung (Klage)',
       body  = 'Gegen diesen Bescheid kann innerhalb eines Monats nach seiner Bekanntgabe Klage beim '
            || 'Bayerischen Verwaltungsgericht München erhoben werden. Die Klage ist schriftlich, zur '
            || 'Niederschrift der Urkundsbeamtin oder des Urkundsbeamten der Geschäftsstelle oder elektronisch '
            || 'in einer für den Schriftformersatz zugelassenen Form zu erheben. Die Klage muss den Kläger, '
            || 'den Beklagten (Stadt Musterstadt) und den Gegenstand des Klagebegehrens bezeichnen. Ein Widerspruch '
            || 'ist nach Art. 12 AGVwGO nicht statthaft.'
 where id = '0b5c0000-0000-4000-8000-000000000005'
   and body like 'Gegen diesen Bescheid kann innerhalb eines Monats nach seiner Bekanntgabe Widerspruch%';
