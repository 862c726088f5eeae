process.env.ZHIBAO_TEST_DB = 'postgres'
