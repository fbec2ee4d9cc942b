SELECT 'mysql';
