process.env.ZHIBAO_TEST_DB = 'pglite'
