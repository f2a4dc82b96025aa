/** Function words dropped before comparing two mentions' wording (near-duplicate and incident similarity). */
export const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those i me my we our us you your he she they them their ' +
    'there here so just not no do does did have has had will would can could should about into over than then too very all any some what when where which who how why ' +
    'again also only still now up out get got just rn lol im its dont cant ' +
    'и в во не на я что с со а как это по но у к ко из за от до для о об же ли бы то так все всё ещё еще уже они мы вы он она оно их мне меня мой моя моё мои вас вам ваш ' +
    'там тут вот нет да или если чтобы при про без над под тоже только очень даже ну ж же раз был была было были будет есть'
  ).split(/\s+/),
);
