/** Chaînes françaises de la page servie à un navigateur pas encore admis (voir en/launch.ts). */
export default {
  title: 'Ouvrir Candid',
  heading: 'Candid fonctionne, mais ce navigateur n’a pas encore été admis',
  howTo: 'Allez dans le terminal où Candid tourne et ouvrez la dernière adresse qu’il a affichée : elle commence par {{prefix}}.',
  once: 'Chaque adresse admet un navigateur, une seule fois. Une fois utilisée, le terminal en affiche une nouvelle pour le navigateur suivant.',
  used: 'L’adresse que vous avez ouverte a déjà servi, ou Candid a redémarré depuis qu’elle a été affichée.',
  key: 'Cette page ne contient jamais la clé de Candid : les autres programmes et utilisateurs de cet ordinateur ne peuvent pas la lire ici.',
  scripts: 'Les scripts appellent l’API locale avec le jeton du fichier api-token du dossier de données, que vous seul pouvez lire.',
};
