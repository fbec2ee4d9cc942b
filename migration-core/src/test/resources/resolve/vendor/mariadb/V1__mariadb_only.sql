SELECT 'mariadb';
