SELECT 'postgresql';
